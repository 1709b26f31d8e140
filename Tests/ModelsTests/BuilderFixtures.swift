import Foundation
import Models
import Structures

/// Inputs shared by the builder tests: the repository's bulk cells and ZIF-4 crystal.
enum BuilderFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func cell(_ phase: String) throws -> Structure {
        try StructureFile.read(path: path("clusters/bulk/CsPbI3-\(phase).extxyz"))
    }

    static func crystal() throws -> Structure {
        try StructureFile.read(path: path("clusters/glass/ZIF-4-crystal.extxyz"))
    }

    static func fragment(_ phase: String, units: Int = 8, surface: String = "001") throws -> PerovskiteFragment {
        try PerovskiteFragmentBuilder.build(cell: cell(phase), spec: PerovskiteFragmentSpec(units: units, surface: MillerIndex(surface)!))
    }

    static func zn1() throws -> GlassFragment {
        try GlassFragmentBuilder.build(crystal: crystal(), spec: GlassFragmentSpec(zinc: 1))
    }

    static func count(_ s: Structure, _ z: Int) -> Int { s.atomicNumbers.filter { $0 == z }.count }
}
