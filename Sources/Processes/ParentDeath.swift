#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProcess

/// Ties a helper process's life to its parent's: when the parent dies (even by SIGKILL), so does it.
public enum ParentDeath {
    /// Asks the kernel to kill this process when its parent ends; exits at once when the parent
    /// `expected` (its pid, from the environment) is already gone. Linux only; elsewhere the helper
    /// notices end-of-file on its input instead.
    public static func dieWithParent(expected: pid_t?) {
        if cprocess_die_with_parent(expected ?? 0) == 1 { _exit(0) }
    }
}
