"""Test structures for the periodic-electrostatics bench: Na4Cl4 cube, NaCl (001) slab, NaCl bulk."""
import numpy as np

A_NACL = 5.64  # Angstrom, the lattice constant used in docs/surfaces.md and bench/vacuum


def rocksalt_sites(ni, nj, nk, a=A_NACL):
    """Atomic numbers and positions (Angstrom) of an ni x nj x nk block of rock-salt sites from the origin."""
    half = a / 2
    nums, pos = [], []
    for i in range(ni):
        for j in range(nj):
            for k in range(nk):
                nums.append(11 if (i + j + k) % 2 == 0 else 17)
                pos.append([i * half, j * half, k * half])
    return np.array(nums), np.array(pos, dtype=float)


def cube(a=A_NACL):
    """Na4Cl4: a 2x2x2 rock-salt fragment (no dipole, no quadrupole by symmetry), centred at 0."""
    nums, pos = rocksalt_sites(2, 2, 2, a)
    return nums, pos - a / 4


def in_box(numbers, positions, edge):
    """A molecule centred in a cubic box of the given edge (Angstrom)."""
    return numbers, positions + edge / 2, np.eye(3) * edge


def slab(vacuum, planes=4, rep=2, a=A_NACL):
    """NaCl (001) slab: `planes` atomic planes, rep x rep conventional cells in plane, vacuum along z."""
    nums, pos = rocksalt_sites(2 * rep, 2 * rep, planes, a)
    thick = (planes - 1) * a / 2
    pos = pos + np.array([0, 0, vacuum / 2])
    return np.array(nums), pos, np.diag([rep * a, rep * a, thick + vacuum])


def bulk(rep, reps_z=None, a=A_NACL):
    """Rock-salt NaCl: the 8-atom conventional cell repeated rep x rep x reps_z (default rep)."""
    reps_z = rep if reps_z is None else reps_z
    nums, pos = rocksalt_sites(2 * rep, 2 * rep, 2 * reps_z, a)
    return nums, pos, np.diag([rep * a, rep * a, reps_z * a])
