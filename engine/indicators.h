#pragma once
// Filled in by the indicators work.
