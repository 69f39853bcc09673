#include "indicators.h"
