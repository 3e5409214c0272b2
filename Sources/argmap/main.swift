import ArgCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The whole program: everything else lives in ArgCLI and the library, where tests reach it.
let status = CLI.run(CommandLine.arguments, environment: Environment.current(), console: .standard())
fflush(stdout)
exit(status)
