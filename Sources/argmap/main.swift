import ArgCLI
