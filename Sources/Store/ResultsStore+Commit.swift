import GRDB

extension ResultsStore {
    /// Runs `body` in one IMMEDIATE transaction, committed before this returns, through cached
    /// BEGIN/COMMIT statements: GRDB's `write` compiles both on every call (~10% of a result
    /// commit). An error rolls the transaction back and is rethrown.
    func commitTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                let value = try body(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return value
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
                throw error
            }
        }
    }
}
