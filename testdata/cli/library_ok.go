// A library package: `gojit build` checks it and says nothing (cli_build_library_ok).
package shapes

import "math"

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return math.Pi * c.R * c.R }
