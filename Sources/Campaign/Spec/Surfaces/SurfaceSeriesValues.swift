import TOMLKit

/// The series values of a `[[surfaces]]` table: distinct layer counts, in-plane repeats ("2x2") and
/// vacuums (one number or a list, returned ascending); nil for anything else.
enum SurfaceSeriesValues {
    static func layerList(_ value: TOMLValueConvertible) -> [Int]? {
        guard let array = value.array else { return nil }
        let ints = array.compactMap(\.int)
        return ints.count == array.count && !ints.isEmpty && ints.allSatisfy({ $0 >= 1 }) && Set(ints).count == ints.count
            ? ints : nil
    }

    static func inPlaneList(_ value: TOMLValueConvertible) -> [[Int]]? {
        guard let array = value.array else { return nil }
        let sizes = array.compactMap { $0.string }.map { $0.split(separator: "x").compactMap { Int($0) } }
        guard sizes.count == array.count, !sizes.isEmpty,
              sizes.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0 >= 1 } }), Set(sizes).count == sizes.count else {
            return nil
        }
        return sizes
    }

    static func vacuumList(_ value: TOMLValueConvertible) -> [Double]? {
        let number = { (v: TOMLValueConvertible) in v.double ?? v.int.map(Double.init) }
        let list = number(value).map { [$0] } ?? value.array.map { $0.compactMap(number) }
        guard let list, list.count == (value.array?.count ?? 1), !list.isEmpty,
              list.allSatisfy({ $0 > 0 && $0.isFinite }), Set(list).count == list.count else { return nil }
        return list.sorted()
    }
}
