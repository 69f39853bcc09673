#pragma once
// Filled in by the simulator work.
