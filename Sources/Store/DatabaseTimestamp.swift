import Foundation
import GRDB

/// Dates as GRDB stores them ("yyyy-MM-dd HH:mm:ss.SSS", UTC), formatted without DateFormatter.
///
/// DateFormatter took ~8% of a result commit and String(format:) 12%; this writes the same 23
/// bytes with gmtime_r, truncated to the millisecond, and GRDB's own decoder reads them back.
enum DatabaseTimestamp {
    /// The stored text.
    static func text(_ date: Date) -> String {
        String(decoding: bytes(date), as: UTF8.self)
    }

    /// The stored text as UTF-8 bytes.
    static func bytes(_ date: Date) -> [UInt8] {
        let (seconds, ms) = split(date)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 23)
        func put(_ value: Int, at end: Int, width: Int) {
            var v = value
            for i in stride(from: end, to: end - width, by: -1) {
                out[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, at: 3, width: 4)
        out[4] = UInt8(ascii: "-")
        put(Int(parts.tm_mon) + 1, at: 6, width: 2)
        out[7] = UInt8(ascii: "-")
        put(Int(parts.tm_mday), at: 9, width: 2)
        out[10] = UInt8(ascii: " ")
        put(Int(parts.tm_hour), at: 12, width: 2)
        out[13] = UInt8(ascii: ":")
        put(Int(parts.tm_min), at: 15, width: 2)
        out[16] = UInt8(ascii: ":")
        put(Int(parts.tm_sec), at: 18, width: 2)
        out[19] = UInt8(ascii: ".")
        put(ms, at: 22, width: 3)
        return out
    }

    /// `date` as it reads back after storing `text(date)` (tested against GRDB's decoder).
    static func stored(_ date: Date) -> Date {
        let (seconds, ms) = split(date)
        return Self.date(seconds: seconds, ms: ms)
    }

    /// Whole seconds since 1970 (rounded down) and the milliseconds after them (truncated).
    ///
    /// A date that `stored(_:)` made lies on a whole millisecond, but its Double seconds since
    /// 1970 can fall a few ulps below it (an ulp is 0.24 µs today, 1 µs in 2200); truncating that dropped
    /// a millisecond, so storing a stored date again moved it. Dates within `millisecondSlack` of
    /// the next millisecond therefore count as on it, which makes `stored` idempotent.
    private static func split(_ date: Date) -> (seconds: Int64, ms: Int) {
        let millis = Int64((date.timeIntervalSince1970 * 1000 + millisecondSlack).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        return (seconds, Int(millis - seconds * 1000))
    }

    /// 10 µs in milliseconds: ten ulps of a Double date in 2200, a hundredth of a millisecond.
    private static let millisecondSlack = 1e-2
}

extension DatabaseTimestamp {
    /// The date of a stored "yyyy-MM-dd HH:mm:ss.SSS" text, parsed by hand (GRDB's decoder goes
    /// through Calendar, ~µs per date: too slow for 100,000 task rows); other texts through GRDB.
    static func date(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<from + count {
                let d = Int(text[i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard text.count == 23, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"), text[19] == UInt8(ascii: "."),
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
              let minute = digits(14, 2), let second = digits(17, 2), let ms = digits(20, 3),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            return Date.fromDatabaseValue(String(decoding: text, as: UTF8.self).databaseValue)
        }
        let seconds = Int64(daysSince1970(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return date(seconds: seconds, ms: ms)
    }

    /// Seconds since 1970 and milliseconds as the Date GRDB's decoder (Foundation's Gregorian
    /// calendar) forms, bit for bit: whole days since the reference date times 86,400, plus the
    /// second of the day with its fraction. (Adding the fraction to the whole seconds instead
    /// differs in the last bit for ~1 date in 50,000; tested against the decoder.)
    static func date(seconds: Int64, ms: Int) -> Date {
        let sinceReference = seconds - Int64(Date.timeIntervalBetween1970AndReferenceDate)
        let days = sinceReference >= 0 ? sinceReference / 86_400 : (sinceReference - 86_399) / 86_400
        let secondOfDay = Double(sinceReference - days * 86_400) + Double(ms) / 1000
        return Date(timeIntervalSinceReferenceDate: Double(days) * 86_400 + secondOfDay)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
