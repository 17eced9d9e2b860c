// A library package with a type error: `gojit build` reports it as go build does
// (cli_build_library_error).
package shapes

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.side }
