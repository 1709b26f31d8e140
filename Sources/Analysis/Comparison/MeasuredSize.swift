/// The measured particle and crystallite sizes a critical size L* is scored against
/// (jobs/measured/README.md): which quantities are sizes, and their span in nm.
public enum MeasuredSize {
    /// Size quantities, each a length in nm (a number or a range `low..high`):
    /// `particle_size` (edge or diameter as imaged: STEM, TEM, SEM), `crystallite_size` (from
    /// diffraction line widths), `saxs_particle_size` (from small-angle scattering).
    public static let quantities: Set<String> = ["particle_size", "crystallite_size", "saxs_particle_size"]

    /// The only unit a size row may have.
    public static let unit = "nm"

    /// Is `quantity` a size?
    public static func isSize(_ quantity: String) -> Bool { quantities.contains(quantity) }

    /// The smallest low and largest high bound of the measured size rows among `rows`, nm; nil without any.
    public static func span(_ rows: [MeasuredObservation]) -> (low: Double, high: Double)? {
        let bounds = rows.filter { $0.kind == .measured && isSize($0.quantity) }.compactMap(\.value.bounds)
        guard let low = bounds.map(\.low).min(), let high = bounds.map(\.high).max() else { return nil }
        return (low, high)
    }
}
