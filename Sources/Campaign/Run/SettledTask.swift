import Store
import Structures

/// A task settled by this run (finished by a worker, failed before it was sent, or answered from
/// the database), as written: its new row, and for an optimisation the geometry its dependents
/// compute on.
struct SettledTask {
    var id: Int
    var row: TaskRecord
    var output: (structure: Structure, hash: String)?
    /// Its engine process crashed for the first time: it goes back to the ready tasks.
    var retry = false
    /// Answered from the database: never handed out, so the dispatcher skips it.
    var answered = false
}
