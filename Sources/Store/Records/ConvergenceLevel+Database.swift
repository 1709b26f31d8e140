import GRDB
import Optimization

/// A convergence level is stored as its name (`normal`, `tight`, …), the text of the `level` column.
extension ConvergenceLevel: DatabaseValueConvertible {}
