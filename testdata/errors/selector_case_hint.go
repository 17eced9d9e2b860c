// errorcheck

// A selector that names no member, where one differs only in the case of its first
// letter: types2 names that member.

package main

type Square struct{ Side float64 }

func (s Square) area() float64 { return s.Side * s.Side }

func main() {
	s := Square{2}
	_ = s.side   // ERROR "s.side undefined \(type Square has no field or method side, but does have field Side\)"
	_ = s.Area() // ERROR "s.Area undefined \(type Square has no field or method Area, but does have method area\)"
	_ = s.Perim  // ERROR "s.Perim undefined \(type Square has no field or method Perim\)$"
}
