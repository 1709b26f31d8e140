import Structures

/// Whether a slab's two faces are equivalent: some operation that flips z (mirror, inversion, or a
/// two-fold axis in the plane), followed by an in-plane translation, maps the atoms onto themselves
/// (same elements, within `tolerance` Å, modulo the in-plane lattice).
enum SlabSymmetry {
    /// (name, sign of x, sign of y) of the z-flipping operations tried, in this order.
    static let operations: [(String, Double, Double)] = [
        ("mirror z", 1, 1), ("inversion", -1, -1), ("two-fold x", 1, -1), ("two-fold y", -1, 1),
    ]

    /// The first operation that maps the slab onto itself, nil if none does.
    static func faceOperation(numbers: [Int], positions: [Vec3], u: Vec3, v: Vec3, tolerance: Double = 0.05) -> String? {
        guard let zMin = positions.map(\.z).min(), let zMax = positions.map(\.z).max() else { return nil }
        let centre = (zMin + zMax) / 2
        for (name, sx, sy) in operations {
            let image = positions.map { Vec3(sx * $0.x, sy * $0.y, 2 * centre - $0.z) }
            // Candidate translations: atom 0's image onto each atom of its element.
            for j in positions.indices where numbers[j] == numbers[0] {
                let t = positions[j] - image[0]
                if maps(image.map { $0 + t }, onto: positions, numbers: numbers, u: u, v: v, tolerance: tolerance) {
                    return name
                }
            }
        }
        return nil
    }

    private static func maps(_ image: [Vec3], onto positions: [Vec3], numbers: [Int], u: Vec3, v: Vec3,
                             tolerance: Double) -> Bool {
        let plane = Lattice(vectors: [u, v, Vec3(0, 0, 1)], pbc: [true, true, false])
        return image.indices.allSatisfy { i in
            positions.indices.contains { j in
                numbers[j] == numbers[i] && abs(positions[j].z - image[i].z) < tolerance
                    && inPlaneDistance(plane, image[i], positions[j]) < tolerance
            }
        }
    }

    private static func inPlaneDistance(_ plane: Lattice, _ a: Vec3, _ b: Vec3) -> Double {
        var d = b - a
        d.z = 0
        let m = plane.minimumImage(from: .zero, to: d)
        return (m * m).sum().squareRoot()
    }
}
