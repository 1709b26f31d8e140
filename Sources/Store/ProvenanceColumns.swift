import GRDB

extension TableDefinition {
    /// Where and when a stored result was made (calculations, optimisations): the engine and
    /// interscreen releases, the host, the run, start and end.
    func provenanceColumns() {
        column("engine_version", .text).notNull()
        column("interscreen_version", .text).notNull()
        column("host", .text).notNull()
        column("run_id", .integer).references("runs").indexed()
        column("started_at", .datetime).notNull()
        column("finished_at", .datetime).notNull()
    }
}
