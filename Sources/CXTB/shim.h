#pragma once
#include <stdbool.h>
#include <xtb.h>
