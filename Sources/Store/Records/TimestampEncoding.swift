import Foundation
import GRDB

/// Records whose dates GRDB's record encoding writes as `DatabaseTimestamp.text`, the same text the
/// hand-bound commit path writes, so a date reads back the same whichever path stored it.
///
/// GRDB's default encodes a Date with a DateFormatter that rounds to the millisecond, while the
/// commit path truncates; for a date a hair below a whole millisecond the two texts differed by
/// 1 ms, and a task row written by one path read back unequal to one written by the other.
public protocol TimestampedRecord: EncodableRecord {}

extension TimestampedRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { DatabaseTimestamp.text($0) }
    }
}

extension CalculationRecord: TimestampedRecord {}
extension FailureRecord: TimestampedRecord {}
extension NanocrystalRecord: TimestampedRecord {}
extension OptimizationRecord: TimestampedRecord {}
extension ReactionRecord: TimestampedRecord {}
extension RunRecord: TimestampedRecord {}
extension StructureRecord: TimestampedRecord {}
extension TaskRecord: TimestampedRecord {}
extension VerdictRecord: TimestampedRecord {}
