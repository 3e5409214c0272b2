import SQLiteKit

/// The schema as shipped: the numbered files of the top-level `schema/` folder, embedded at build
/// time so the binary works from any directory.
public enum Schema {
  /// `PRAGMA application_id` of every argmap file ('ARGM'), set by the first migration.
  public static let applicationID = 0x4152_474D

  /// Every migration file, in order. A test checks this list against the folder, so a new file
  /// cannot be forgotten here.
  public static let files: [(name: String, bytes: [UInt8])] = [
    ("0001_init.sql", PackageResources._001_init_sql),
    ("0002_base_scores.sql", PackageResources._002_base_scores_sql),
    ("0003_interchange.sql", PackageResources._003_interchange_sql),
    ("0004_argdown_nodes.sql", PackageResources._004_argdown_nodes_sql),
    ("0005_history.sql", PackageResources._005_history_sql),
    ("0006_source_texts.sql", PackageResources._006_source_texts_sql),
    ("0007_compact_keys.sql", PackageResources._007_compact_keys_sql),
    ("0008_aside_index.sql", PackageResources._008_aside_index_sql),
  ]

  public static var latestVersion: Int { files.count }

  static func migrator() -> Migrator {
    let migrations = files.enumerated().map { index, file in
      Migration(
        version: index + 1, name: file.name, sql: String(decoding: file.bytes, as: UTF8.self))
    }
    // The file list is ours and numbered by position, so it is contiguous by construction.
    return try! Migrator(migrations)
  }
}
