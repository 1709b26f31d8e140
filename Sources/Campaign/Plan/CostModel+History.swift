import Store

extension CostModel {
    /// The model calibrated to finished tasks (`CostModel.calibrated`): each row's stored
    /// prediction (the uncalibrated model's, as `run` plans) against its measured wall seconds.
    /// Rows without a measured time (cache answers, failures) are ignored; no history, no change.
    public static func calibrated(from rows: [TaskRecord]) -> CostModel {
        let samples = rows.filter { $0.state == .done }.compactMap { row in
            row.wallSeconds.map { (kind: row.kind, predicted: row.predictedSeconds, measured: $0) }
        }
        return CostModel().calibrated(with: samples)
    }
}
