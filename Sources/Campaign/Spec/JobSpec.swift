import Engine
import Models
import Optimization
import Store
import Structures

/// A validated job spec (`jobs/*.toml`): what to compute, how, and which reactions to form.
///
/// Produced only by `JobSpecParser`, which checks everything (keys, files, reactions, atom
/// balance) before a campaign runs; the planner can trust it.
public struct JobSpec: Sendable {
    /// Campaign name (identifies its tasks in the database).
    public var name: String
    /// Results database path, resolved against the spec file's folder.
    public var database: String
    /// The spec file this came from (absolute path).
    public var sourceFile: String
    /// SHA-256 of the spec text, recorded for provenance.
    public var sourceHash: String
    /// Method defaults, applied to every structure unless it overrides them.
    public var defaults: MethodChoice
    /// Structures in declaration order (globs already expanded, one entry per file).
    public var structures: [StructureEntry]
    /// Reactions in declaration order.
    public var reactions: [ReactionSpec]
    /// Structures whose files exist but do not parse or fail validation, in declaration order;
    /// left out of `structures`, to be recorded as failed tasks (a reaction naming one cannot be
    /// computed, but the spec is still valid).
    public var invalidStructures: [InvalidStructure]
    /// Phase-stabilisation verdicts to form from the reactions, one per protocol.
    public var verdicts: [VerdictSpec]
    /// The pairings of a `[screen]` matrix (empty without one).
    public var pairings: [PairingSummary]
    /// The `[[surfaces]]` tables (their slabs and references are already in `structures`).
    public var surfaces: [SurfaceSpec] = []

    public init(name: String, database: String, sourceFile: String, sourceHash: String, defaults: MethodChoice,
                structures: [StructureEntry], reactions: [ReactionSpec], invalidStructures: [InvalidStructure] = [],
                verdicts: [VerdictSpec] = [], pairings: [PairingSummary] = []) {
        self.pairings = pairings
        self.name = name
        self.database = database
        self.sourceFile = sourceFile
        self.sourceHash = sourceHash
        self.defaults = defaults
        self.structures = structures
        self.reactions = reactions
        self.invalidStructures = invalidStructures
        self.verdicts = verdicts
    }
}

/// What to do with a structure.
public enum TaskRecipe: String, Sendable, Codable, CaseIterable {
    /// One single point on the geometry as given.
    case singlePoint = "sp"
    /// Optimise, then a single point on the optimised geometry.
    case optimizeThenSinglePoint = "opt+sp"
}

/// Engine settings plus what to do: the spec's `[defaults]`, or a structure's overrides merged in.
public struct MethodChoice: Sendable, Equatable {
    /// Settings of the single point (and of the optimisation).
    public var settings: Settings
    /// Optimisation level (xtb's: crude … extreme), used when the recipe optimises.
    public var optimizationLevel: ConvergenceLevel
    /// Most optimisation cycles (`max_cycles`); nil for xtb's default at the level and size.
    public var maxCycles: Int?
    /// Frozen-atom spec for the optimisation (syntax of `opt --freeze`), nil for none.
    public var freeze: String?
    /// What to do with the structure.
    public var recipe: TaskRecipe
    /// Which backend computes (`engine = "auto" | "xtb" | "tblite"`); part of each result's identity.
    public var engine: EngineChoice

    public init(settings: Settings = Settings(), optimizationLevel: ConvergenceLevel = .default, freeze: String? = nil,
                recipe: TaskRecipe = .singlePoint, engine: EngineChoice = .auto, maxCycles: Int? = nil) {
        self.settings = settings
        self.optimizationLevel = optimizationLevel
        self.maxCycles = maxCycles
        self.freeze = freeze
        self.recipe = recipe
        self.engine = engine
    }
}

/// One structure of the campaign, read and validated.
public struct StructureEntry: Sendable {
    /// Unique name within the spec (reactions refer to it).
    public var name: String
    /// The file it was read from (absolute path).
    public var file: String
    /// The structure, with the spec's charge / multiplicity applied and `name` set to the entry's name.
    public var structure: Structure
    /// Formula units it contains (e.g. 8 for Cs8Pb8I24), for normalised reaction energies.
    public var formulaUnits: Int?
    /// Method and recipe for this structure (defaults with its overrides).
    public var method: MethodChoice
    /// 1-based line of its `[[structures]]` table in the spec, for messages.
    public var line: Int
    /// How the structure was cut from the file's cell, when the spec asked for a `nanocrystal`.
    public var nanocrystal: Nanocrystal?
    /// What the file says of how its geometry was made (`InputFileFlags`), carried by its first task.
    public var inputFlags: [TaskFlag]

    public init(name: String, file: String, structure: Structure, formulaUnits: Int?, method: MethodChoice, line: Int,
                nanocrystal: Nanocrystal? = nil, inputFlags: [TaskFlag] = []) {
        self.nanocrystal = nanocrystal
        self.inputFlags = inputFlags
        self.name = name
        self.file = file
        self.structure = structure
        self.formulaUnits = formulaUnits
        self.method = method
        self.line = line
    }
}

/// A reaction: Σ ν·E(products) − Σ ν·E(reactants), optionally divided by a count of units.
public struct ReactionSpec: Sendable {
    /// Unique name within the spec.
    public var name: String
    /// Structure names with stoichiometric coefficients (> 0).
    public var reactants: [(name: String, coefficient: Double)]
    /// Structure names with stoichiometric coefficients (> 0).
    public var products: [(name: String, coefficient: Double)]
    /// How to normalise the reaction energy, nil for "per reaction as written".
    public var normalization: Normalization?
    /// 1-based line of its `[[reactions]]` table.
    public var line: Int

    public init(name: String, reactants: [(name: String, coefficient: Double)],
                products: [(name: String, coefficient: Double)], normalization: Normalization?, line: Int) {
        self.name = name
        self.reactants = reactants
        self.products = products
        self.normalization = normalization
        self.line = line
    }
}

/// Divide a reaction energy by a number of units, e.g. "per CsPbI3" with 8 units.
public struct Normalization: Sendable, Equatable {
    /// What one unit is, for display ("CsPbI3").
    public var unit: String
    /// How many units the reaction as written involves.
    public var count: Double

    public init(unit: String, count: Double) {
        self.unit = unit
        self.count = count
    }
}

extension ReactionSpec {
    /// Every species with its signed coefficient (reactants negative), reactants first: the order
    /// a formed reaction stores its species in.
    var signedTerms: [(name: String, coefficient: Double)] {
        reactants.map { ($0.name, -$0.coefficient) } + products.map { ($0.name, $0.coefficient) }
    }
}
