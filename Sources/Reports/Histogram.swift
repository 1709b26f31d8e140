/// Integer values counted in bins of round width, each bin naming the rows it holds.
struct Histogram {
    struct Bin {
        var lower: Int
        var upper: Int
        var ids: [Int64]
    }

    var bins: [Bin]

    /// At most about `maxBins` bins of width 1, 2, 5, 10, … covering `values`.
    init(_ values: [(value: Int, id: Int64)], maxBins: Int = 12) {
        guard let lo = values.map(\.value).min(), let hi = values.map(\.value).max() else {
            bins = []
            return
        }
        let width = max(1, Int(LinearScale.niceStep(Double(hi - lo + 1) / Double(maxBins))))
        let start = (lo / width) * width
        bins = stride(from: start, through: hi, by: width).map { lower in
            Bin(lower: lower, upper: lower + width - 1,
                ids: values.filter { $0.value >= lower && $0.value < lower + width }.map(\.id))
        }
    }

    /// One bar per bin, labelled "3" or "10–14".
    func bars(table: String, noun: String) -> [BarChart.Bar] {
        bins.map { bin in
            let label = bin.lower == bin.upper ? "\(bin.lower)" : "\(bin.lower)–\(bin.upper)"
            return BarChart.Bar(label: label, value: Double(bin.ids.count), row: RowIDs.attribute(table, bin.ids),
                                tooltip: "\(bin.ids.count) \(noun) with \(label): \(RowIDs.text(table, bin.ids))")
        }
    }
}
