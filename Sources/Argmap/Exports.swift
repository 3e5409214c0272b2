// `import Argmap` gives a Swift user the whole library: the model, the corpus syntax, the store
// and the exporters.
@_exported import ArgExport
@_exported import ArgInterchange
@_exported import ArgModel
@_exported import ArgSemantics
@_exported import ArgStore
@_exported import ArgdownSyntax
