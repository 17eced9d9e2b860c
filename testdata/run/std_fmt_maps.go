// run

// fmt prints maps with keys sorted as internal/fmtsort does: ints, uints, floats
// (NaN first), strings, bools, arrays and structs field-wise, nested maps, %v %+v
// %#v %d, nil maps, pointers to maps.
package main

import (
	"fmt"
	"math"
)

type point struct{ X, Y int }

type named map[string][]int

func main() {
	fmt.Println(map[string]int{"zeta": 26, "alpha": 1, "mid": 13, "": 0})
	fmt.Println(map[int]string{10: "ten", -3: "minus three", 0: "zero", 7: "seven"})
	fmt.Println(map[uint8]bool{200: true, 3: false, 77: true})
	fmt.Println(map[float64]string{2.5: "b", -1: "a", math.Inf(1): "inf", math.Inf(-1): "-inf", math.NaN(): "nan"})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[point]string{{2, 1}: "c", {1, 9}: "b", {1, 2}: "a"})
	fmt.Println(map[[2]int]int{{3, 0}: 3, {1, 5}: 2, {1, 4}: 1})
	fmt.Println(map[string]map[string]int{"outer": {"y": 2, "x": 1}, "a": {}})
	fmt.Println(named{"k": {1, 2}, "j": nil})
	var nilMap map[string]int
	fmt.Println(nilMap, len(nilMap))
	fmt.Printf("%v %d\n", map[string]int{"b": 2, "a": 1}, map[string]int{"b": 2, "a": 1})
	fmt.Printf("%+v\n", map[string]point{"p": {1, 2}, "o": {0, 0}})
	fmt.Printf("%#v\n", map[string]point{"p": {1, 2}, "o": {0, 0}})
	fmt.Printf("%#v\n", nilMap)
	fmt.Printf("%#v\n", named{"x": {1}})
	fmt.Printf("%x\n", map[string]int{"b": 255, "a": 16})
	fmt.Printf("%q\n", map[string]string{"b": "two", "a": "one"})
	fmt.Printf("%8v|\n", map[int]int{2: 20, 1: 10})
	m := map[string]int{"b": 2, "a": 1}
	fmt.Println(&m)
	fmt.Println([]map[int]int{{2: 4, 1: 2}, {}})
	fmt.Println(struct {
		M map[int]string
		N int
	}{map[int]string{5: "five", 4: "four"}, 3})
	fmt.Println(map[int32]rune{'b': 'B', 'a': 'A'})
	fmt.Println(map[string]error{"x": nil})
	big := map[int]int{}
	for i := 0; i < 40; i++ {
		big[(i*17)%40] = i
	}
	fmt.Println(big)
	fmt.Println(fmt.Sprint(map[string]bool{"t": true}) == "map[t:true]")
}
