import Structures

/// What reactions need to know about a structure name the spec declares, valid or not.
struct DeclaredStructure {
    /// Line of its `[[structures]]` table.
    var line: Int
    /// Its `formula_units`, when given.
    var formulaUnits: Int?
    /// The structure with the spec's charge / multiplicity, when its file parsed (even if it then
    /// failed validation); nil when it could not be read.
    var structure: Structure?
}
