#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Length-prefixed messages over a pair of file descriptors (a pipe to a helper process and back).
///
/// A frame is an 8-byte little-endian length and that many bytes. Reading returns nil at end of
/// file (the other side closed or died); writing throws when the other side is gone (EPIPE; the
/// caller ignores SIGPIPE).
public struct FrameChannel: Sendable {
    public let input: Int32
    public let output: Int32

    public init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Sends one frame; throws `ProcessError` when the reader is gone.
    public func send(_ bytes: [UInt8]) throws {
        var length = UInt64(bytes.count).littleEndian
        let header = withUnsafeBytes(of: &length) { Array($0) }
        try writeAll(header + bytes)
    }

    /// The next frame, or nil at end of file (also when it ends inside a frame).
    public func receive() -> [UInt8]? {
        guard let header = readExactly(8) else { return nil }
        let length = header.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
        guard length < 1 << 34 else { return nil }
        return readExactly(Int(length))
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ProcessError("write to helper failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    private func readExactly(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = bytes.withUnsafeMutableBytes { read(input, $0.baseAddress! + offset, count - offset) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            offset += n
        }
        return bytes
    }

    /// A pipe: (read end, write end), both close-on-exec.
    public static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ProcessError("pipe failed: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }
}
