/// Model builders: perovskite surface fragments, glass fragments, ligand-exchange products,
/// bulk supercells, and the topology guard that checks optimised structures.
public enum Models {}
