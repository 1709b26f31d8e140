import Structures

/// The bridge's first line: whether numpy and tblite could be imported, and their versions.
struct TBLiteHello: Decodable {
    var ready: Bool
    var error: String?
    var `protocol`: Int?
    var tblite: String?
    var python: String?
    var numpy: String?
    var executable: String?
}

/// One single point, in the bridge's units: positions and lattice in Bohr, temperature in K.
struct TBLiteRequest: Encodable {
    var id: Int
    var method: String
    var numbers: [Int]
    var positions: [[Double]]
    var lattice: [[Double]]?
    var charge: Int
    var uhf: Int
    var accuracy: Double
    var etemp: Double
    var maxIterations: Int

    enum CodingKeys: String, CodingKey {
        case id, method, numbers, positions, lattice, charge, uhf, accuracy, etemp
        case maxIterations = "max_iterations"
    }

    /// The request for `structure` (Å) under `settings`.
    init(id: Int, structure: Structure, settings: Settings) {
        let bohr = { (v: Vec3) in [v.x, v.y, v.z].map { $0 * Units.bohrPerAngstrom } }
        self.id = id
        method = settings.method.rawValue
        numbers = structure.atomicNumbers
        positions = structure.positions.map(bohr)
        lattice = structure.isPeriodic ? structure.lattice?.vectors.map(bohr) : nil
        charge = structure.charge
        uhf = structure.unpairedElectrons
        accuracy = settings.accuracy
        etemp = settings.electronicTemperature
        maxIterations = settings.maxIterations
    }

    /// Encodes the bridge's end-of-session request: `{"op": "quit"}`.
    static let quitLine = #"{"op": "quit"}"#
}

/// The bridge's answer to one request.
struct TBLiteResponse: Decodable {
    var id: Int?
    var ok: Bool
    var energy: Double?
    var gradient: [[Double]]?
    var virial: [[Double]]?
    var charges: [Double]?
    var gapEV: Double?
    var converged: Bool?
    var seconds: Double?
    var kind: String?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case id, ok, energy, gradient, virial, charges, converged, seconds, kind, message
        case gapEV = "gap_ev"
    }

    /// The bridge's error as an `EngineError` (its `kind` is one of EngineError.Kind's raw values).
    var engineError: EngineError {
        let kind = kind.flatMap(EngineError.Kind.init(rawValue:)) ?? .backend
        return EngineError(kind, "tblite: \(message ?? "unknown error")")
    }
}
