#!/usr/bin/env python3
"""Writes the space-group fixtures CsPbI3-alpha-Pm-3m.cif (48 operations) and
NaCl-Fm-3m.cif (192 operations) used by CIFTests. The cubic point group m-3m is
all 48 signed permutations of (x, y, z); Fm-3m adds the four face-centring
translations. Run from this folder: python3 generate-symmetry-cifs.py"""
from itertools import permutations, product
from fractions import Fraction

def ops(centrings):
    out = []
    for t in centrings:
        for perm in permutations("xyz"):
            for signs in product((1, -1), repeat=3):
                parts = []
                for axis, sign, shift in zip(perm, signs, t):
                    term = ("-" if sign < 0 else "") + axis
                    if shift:
                        # vary the notation on purpose: "x+1/2" and "1/2+x"
                        term = f"{Fraction(shift)}+{term}" if sign > 0 and axis == "y" else f"{term}+{Fraction(shift)}"
                    parts.append(term)
                out.append(",".join(parts))
    return out

half = Fraction(1, 2)
primitive = [(0, 0, 0)]
face = [(0, 0, 0), (0, half, half), (half, 0, half), (half, half, 0)]

alpha_ops = ops(primitive)
assert len(set(alpha_ops)) == 48
with open("CsPbI3-alpha-Pm-3m.cif", "w") as f:
    f.write("""# alpha-CsPbI3 in its real space group, sites only (Trots & Myagkota 2008, 634 K)
data_CsPbI3_alpha_Pm-3m
_chemical_name_common            'alpha CsPbI3, "black" phase'
_publ_section_title
;
 High-temperature cubic phase; a ; text field with 'quotes' and _fake_tags
 loop_ inside must be skipped.
;
_cell_length_a                   6.2894(3)
_cell_length_b                   6.2894(3)
_cell_length_c                   6.2894(3)
_cell_angle_alpha                90
_cell_angle_beta                 90.0
_cell_angle_gamma                90.00(0)
_symmetry_space_group_name_H-M   'P m -3 m'
_symmetry_Int_Tables_number      221
loop_
_symmetry_equiv_pos_site_id
_symmetry_equiv_pos_as_xyz
""")
    for i, op in enumerate(alpha_ops, 1):
        f.write(f"{i} '{op.replace(',', ', ')}'\n")
    f.write("""
loop_
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
_atom_site_occupancy
Pb1 0 0 0 1.0
Cs1 0.5 0.5 0.5 1
I1 0.5000(1) 0 0 1.00  # the only iodide site
""")
    f.write("""
data_second_block_is_ignored
_cell_length_a 1
_cell_length_b 1
_cell_length_c 1
loop_
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
H1 0 0 0
""")

nacl_ops = ops(face)
assert len(set(nacl_ops)) == 192
with open("NaCl-Fm-3m.cif", "w") as f:
    f.write("""data_NaCl
_cell_length_a 5.6402
_cell_length_b 5.6402
_cell_length_c 5.6402
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
_space_group_name_H-M_alt 'F m -3 m'
_space_group_IT_number 225
loop_
_space_group_symop_id
_space_group_symop_operation_xyz
""")
    for i, op in enumerate(nacl_ops, 1):
        f.write(f"{i} {op}\n")
    f.write("""loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
Na1 Na+ 0 0 0
Cl1 Cl- 0.5 0.5 0.5
""")
