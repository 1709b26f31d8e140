import ArgumentParser
import Engine

/// xtb-style method options shared by the commands that compute (`sp`, later `opt`).
struct MethodOptions: ParsableArguments {
    @Option(name: .customLong("gfn"), help: "Hamiltonian: 2, 1, 0 (GFN2/1/0-xTB) or ff (GFN-FF).")
    var gfn: String = "2"

    @Option(name: .customLong("chrg"), parsing: .unconditional, help: "Total charge; overrides the file's charge= value.")
    var charge: Int?

    @Option(name: .customLong("uhf"), parsing: .unconditional, help: "Number of unpaired electrons; overrides the file's multiplicity.")
    var uhf: Int?

    @Option(name: .customLong("etemp"), parsing: .unconditional, help: "Electronic temperature in K.")
    var electronicTemperature: Double = 300

    @Option(name: .customLong("acc"), parsing: .unconditional, help: "Numerical accuracy (xtb's --acc, 0.0001–1000).")
    var accuracy: Double = 1.0

    @Option(name: .customLong("iterations"), parsing: .unconditional, help: "Maximum SCC iterations.")
    var maxIterations: Int = 250

    @Option(name: .customLong("solvent"), help: "Implicit solvent (GBSA) name, e.g. water, thf.")
    var solvent: String?

    func validate() throws {
        guard Method(gfnArgument: gfn) != nil else {
            throw ValidationError("--gfn must be 2, 1, 0 or ff (got '\(gfn)')")
        }
        try OptionRange.atLeast(0, uhf, "--uhf")
        try OptionRange.positive(electronicTemperature, "--etemp")
        try OptionRange.within(0.0001...1000, accuracy, "--acc")
        try OptionRange.atLeast(1, maxIterations, "--iterations")
    }

    /// The settings these options describe.
    var settings: Settings {
        Settings(method: Method(gfnArgument: gfn) ?? .gfn2, accuracy: accuracy,
                 electronicTemperature: electronicTemperature, maxIterations: maxIterations,
                 solvent: solvent, solvationModel: .gbsa)
    }
}
