// run

// sort: Ints/Strings/Float64s (NaN first), Sort over a user Interface, Reverse,
// Stable and SliceStable keeping equal elements in order, Slice with ties placed
// exactly as gc's pdqsort places them, Search/Find/Search*, IsSorted family.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }

// lcg is a small deterministic generator for test data.
type lcg uint64

func (r *lcg) next(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r>>33) % uint64(n))
}

func main() {
	ints := []int{5, 2, 6, 3, 1, 4, -7, 0, 2}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints), sort.SearchInts(ints, 3), sort.SearchInts(ints, 100), sort.SearchInts(ints, -100))
	strs := []string{"peach", "banana", "kiwi", "", "Apple", "apple"}
	sort.Strings(strs)
	fmt.Printf("%q %v %d\n", strs, sort.StringsAreSorted(strs), sort.SearchStrings(strs, "kiwi"))
	fl := []float64{2.5, math.NaN(), -1, math.Inf(1), 0, math.Inf(-1), math.NaN(), 1e-9}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl), sort.SearchFloat64s([]float64{1, 2, 3}, 2.5))

	people := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35}, {"Frank", 30}, {"Grace", 25}}
	p2 := append([]person(nil), people...)
	sort.Stable(byAge(p2))
	fmt.Println(p2)
	sort.Stable(sort.Reverse(byAge(p2)))
	fmt.Println(p2)
	p3 := append([]person(nil), people...)
	sort.Sort(byAge(p3))
	fmt.Println(p3, sort.IsSorted(byAge(p3)))
	p4 := append([]person(nil), people...)
	sort.SliceStable(p4, func(i, j int) bool { return p4[i].name > p4[j].name })
	fmt.Println(p4)
	sort.Slice(p4, func(i, j int) bool { return p4[i].age > p4[j].age })
	fmt.Println(p4, sort.SliceIsSorted(p4, func(i, j int) bool { return p4[i].age > p4[j].age }))

	// Ties in larger inputs: the exact permutation is gc's pdqsort's.
	var r lcg = 42
	for _, n := range []int{13, 50, 100, 300, 1000} {
		recs := make([]person, n)
		for i := range recs {
			recs[i] = person{fmt.Sprint(i), r.next(10)}
		}
		a := append([]person(nil), recs...)
		sort.Slice(a, func(i, j int) bool { return a[i].age < a[j].age })
		b := append([]person(nil), recs...)
		sort.Sort(byAge(b))
		c := append([]person(nil), recs...)
		sort.SliceStable(c, func(i, j int) bool { return c[i].age < c[j].age })
		var sa, sb, sc []string
		for i := 0; i < n; i++ {
			sa = append(sa, a[i].name)
			sb = append(sb, b[i].name)
			sc = append(sc, c[i].name)
		}
		fmt.Println(n, strings.Join(sa, ","))
		fmt.Println(n, strings.Join(sb, ","))
		fmt.Println(n, strings.Join(sc, ","))
	}
	// Sorted, reversed and patterned inputs.
	for _, gen := range []func(i int) int{
		func(i int) int { return i },
		func(i int) int { return -i },
		func(i int) int { return i % 7 },
		func(i int) int { return (i * 7919) % 101 },
		func(i int) int { return 0 },
	} {
		x := make([]int, 200)
		idx := make([]int, 200)
		for i := range x {
			x[i] = gen(i)
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return x[idx[i]] < x[idx[j]] })
		fmt.Println(idx[:20], idx[180:])
	}

	big := make([]int, 5000)
	for i := range big {
		big[i] = r.next(1000000)
	}
	sort.Ints(big)
	fmt.Println(sort.IntsAreSorted(big), big[0] <= big[4999])

	fmt.Println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
	i, found := sort.Find(len(strs), func(i int) int { return strings.Compare("kiwi", strs[i]) })
	fmt.Println(i, found)
	i, found = sort.Find(len(strs), func(i int) int { return strings.Compare("zzz", strs[i]) })
	fmt.Println(i, found)
	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	fmt.Println(is, is.Search(2), sort.StringSlice{"b", "a"}.Len())
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(42, func(i, j int) bool { return false })
}
