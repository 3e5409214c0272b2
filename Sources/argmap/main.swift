import ArgCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The whole program: everything else lives in ArgCLI and the library, where tests reach it.
let console = Console.standard()
let status = CLI.run(CommandLine.arguments, environment: Environment.current(), console: console)
console.flush()
exit(status)
