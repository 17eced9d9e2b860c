// run

// time.Now carries a monotonic reading: String shows it as " m=+S.NNNNNNNNN", Sub,
// Since and Until use it; Round(0), AddDate, Truncate, UTC and In strip it.
// Only properties are printed, so the output does not depend on the clock.

package main

import (
	"fmt"
	"strings"
	"time"
)

// monoSuffix reports whether s ends in " m=+<digits>.<9 digits>" and returns the rest.
func monoSuffix(s string) (string, bool) {
	i := strings.LastIndex(s, " m=+")
	if i < 0 {
		return s, false
	}
	num := s[i+4:]
	dot := strings.IndexByte(num, '.')
	if dot < 1 || len(num)-dot-1 != 9 {
		return s, false
	}
	for j := 0; j < len(num); j++ {
		if j != dot && (num[j] < '0' || num[j] > '9') {
			return s, false
		}
	}
	return s[:i], true
}

func main() {
	start := time.Now()
	_, ok := monoSuffix(start.String())
	fmt.Println("Now has m=+:", ok)
	_, ok = monoSuffix(start.UTC().String())
	fmt.Println("UTC has m=+ (setLoc strips it):", ok)
	_, ok = monoSuffix(start.In(time.FixedZone("X", 60)).String())
	fmt.Println("In has m=+:", ok)
	for _, t := range []time.Time{start.Round(0), start.AddDate(0, 0, 1), start.Truncate(time.Second), start.Round(time.Hour)} {
		_, ok = monoSuffix(t.String())
		fmt.Println("stripped:", !ok)
	}
	// Add keeps the reading: start is under a second after the package's start.
	fmt.Println(strings.Contains(start.Add(-time.Hour).String(), " m=-3599."),
		strings.Contains(start.Add(2e18).String(), " m=+2000000000."))
	rest, _ := monoSuffix(start.String())
	fmt.Println("rest equals Round(0):", rest == start.Round(0).String())

	sum := 0
	for i := 0; i < 100000; i++ {
		sum += i
	}
	later := time.Now()
	fmt.Println("later not before:", !later.Before(start), later.Sub(start) >= 0)
	fmt.Println("Since >= 0:", time.Since(start) >= 0, "Until <= 0:", time.Until(start) <= 0)
	fmt.Println("under a minute:", time.Since(start) < time.Minute)
	fmt.Println("Add then Sub:", start.Add(time.Hour).Sub(start) == time.Hour, start.Add(-3).Sub(start))
	fmt.Println("Equal to itself:", start.Equal(start), start == start, start.Equal(start.Round(0)))
	fmt.Println("wall clock sane:", start.Year() >= 2020, start.Unix() > 1.5e9, start.UnixNano()/1e9 == start.Unix())
	u := start.UTC()
	fmt.Println("UTC fields:", u.Location(), u.Unix() == start.Unix(), u.Nanosecond() == start.Nanosecond())
	fmt.Println("Local location:", start.Location() == time.Local, start.Local().Equal(start))
	name, _ := start.Zone()
	fmt.Println("zone name set:", name != "")
	fmt.Println(sum)
}
