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

extension CostModel {
    /// The rows with each prediction replaced by what a model calibrated on the *other* rows
    /// says (k-fold cross-validation, a structure's tasks in one fold): how well history would
    /// have predicted these tasks before they ran. Rows of a fold with no other history keep theirs.
    public static func crossValidated(_ rows: [TaskRecord], folds: Int = 5) -> [TaskRecord] {
        let groups = Array(Set(rows.map { "\($0.campaign)/\($0.structureName)" })).sorted()
        let fold = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0 % max(1, folds)) })
        func foldOf(_ row: TaskRecord) -> Int { fold["\(row.campaign)/\(row.structureName)"] ?? 0 }
        let models = (0..<max(1, folds)).map { k in calibrated(from: rows.filter { foldOf($0) != k }) }
        return rows.map { row in
            var copy = row
            copy.predictedSeconds = models[foldOf(row)].seconds(kind: row.kind, model: row.predictedSeconds)
            return copy
        }
    }

    /// Each row's prediction replaced by the mean measured time of the recorded rows of the same
    /// kind and composition (`composition(row)`, e.g. the formula), in-sample: average costs known
    /// exactly. What no prediction from the structure can know is how one run of that composition
    /// goes (an SCC retry, the number of optimisation cycles); the replay shows what that costs.
    public static func compositionMeans(_ rows: [TaskRecord], composition: (TaskRecord) -> String) -> [TaskRecord] {
        let keys = rows.map { "\($0.kind)/\(composition($0))" }
        var sums: [String: (seconds: Double, count: Int)] = [:]
        for (key, row) in zip(keys, rows) {
            let sum = sums[key, default: (0, 0)]
            sums[key] = (sum.seconds + (row.wallSeconds ?? 0), sum.count + 1)
        }
        return zip(keys, rows).map { key, row in
            var copy = row
            if let sum = sums[key] { copy.predictedSeconds = sum.seconds / Double(sum.count) }
            return copy
        }
    }
}
