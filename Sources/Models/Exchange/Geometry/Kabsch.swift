import Structures

/// Optimal superposition of paired points (Horn's quaternion form of the Kabsch problem).
enum Kabsch {
    /// The orthogonal matrix R minimising Σ|R·mobile_i − target_i|² for centred point sets
    /// (proper rotation; with `allowReflection` also the best improper one, whichever is better).
    static func bestRotation(mobile: [Vec3], target: [Vec3], allowReflection: Bool) -> RigidRotation {
        let proper = quaternionRotation(mobile: mobile, target: target)
        guard allowReflection else { return proper }
        let mirror = RigidRotation(r0: Vec3(-1, 0, 0), r1: Vec3(0, 1, 0), r2: Vec3(0, 0, 1))
        let improper = quaternionRotation(mobile: mobile.map { mirror.apply($0) }, target: target) * mirror
        return sumOfSquares(improper, mobile, target) < sumOfSquares(proper, mobile, target) ? improper : proper
    }

    static func sumOfSquares(_ r: RigidRotation, _ mobile: [Vec3], _ target: [Vec3]) -> Double {
        zip(mobile, target).reduce(0) { sum, pair in
            let d = r.apply(pair.0) - pair.1
            return sum + Geo3.dot(d, d)
        }
    }

    /// Horn (1987): the rotation is the eigenvector of the largest eigenvalue of a 4×4 matrix.
    private static func quaternionRotation(mobile: [Vec3], target: [Vec3]) -> RigidRotation {
        var s = [[Double]](repeating: [0, 0, 0], count: 3)
        for (p, q) in zip(mobile, target) {
            for i in 0..<3 { for j in 0..<3 { s[i][j] += p[i] * q[j] } }
        }
        let n: [[Double]] = [
            [s[0][0] + s[1][1] + s[2][2], s[1][2] - s[2][1], s[2][0] - s[0][2], s[0][1] - s[1][0]],
            [s[1][2] - s[2][1], s[0][0] - s[1][1] - s[2][2], s[0][1] + s[1][0], s[2][0] + s[0][2]],
            [s[2][0] - s[0][2], s[0][1] + s[1][0], -s[0][0] + s[1][1] - s[2][2], s[1][2] + s[2][1]],
            [s[0][1] - s[1][0], s[2][0] + s[0][2], s[1][2] + s[2][1], -s[0][0] - s[1][1] + s[2][2]],
        ]
        let q = JacobiEigen.decompose(n).vectors[3]
        let (w, x, y, z) = (q[0], q[1], q[2], q[3])
        return RigidRotation(
            r0: Vec3(w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)),
            r1: Vec3(2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)),
            r2: Vec3(2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z))
    }
}
