// run

// time.LoadLocation over the system's IANA database (Debian's tzdata): zone names
// and offsets across DST transitions, the POSIX rule after the last transition,
// ZoneBounds, ParseInLocation with zone abbreviations, LoadLocationFromTZData, and
// the errors of LoadLocation.

package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	names := []string{"America/New_York", "Europe/London", "Europe/Dublin", "Australia/Lord_Howe",
		"Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Asia/Tokyo", "Etc/GMT+5", "UTC", "Etc/UTC"}
	instants := []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 6, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2007, 3, 11, 6, 59, 59, 0, time.UTC),
		time.Date(2007, 3, 11, 7, 0, 0, 0, time.UTC),
		time.Date(2015, 12, 25, 12, 0, 0, 0, time.UTC),
		time.Date(2018, 11, 4, 5, 59, 59, 0, time.UTC),
		time.Date(2018, 11, 4, 6, 0, 0, 0, time.UTC),
		time.Date(2200, 7, 4, 12, 0, 0, 0, time.UTC),
		time.Date(2200, 12, 25, 12, 0, 0, 0, time.UTC),
	}
	for _, n := range names {
		loc, err := time.LoadLocation(n)
		if err != nil {
			fmt.Println(n, "error:", err)
			continue
		}
		fmt.Println(loc)
		for _, t := range instants {
			lt := t.In(loc)
			name, off := lt.Zone()
			fmt.Printf("  %s | %s %d | %s\n", lt, name, off, lt.Format(time.RFC1123Z))
		}
		fmt.Printf("  %#v\n", instants[5].In(loc))
		start, end := instants[2].In(loc).ZoneBounds()
		fmt.Println("  bounds:", start, "|", end)
		start, end = instants[8].In(loc).ZoneBounds()
		fmt.Println("  bounds 2200:", start, "|", end)
		// Date in a zone: the gap and the overlap of a DST change.
		fmt.Println("  Date:", time.Date(2007, 3, 11, 2, 30, 0, 0, loc), "|", time.Date(2007, 11, 4, 1, 30, 0, 0, loc))
		fmt.Println("  AddDate across DST:", time.Date(2007, 3, 10, 12, 0, 0, 0, loc).AddDate(0, 0, 1))
	}

	ny, _ := time.LoadLocation("America/New_York")
	for _, v := range []string{"2021-01-15 10:00:00 EST", "2021-07-15 10:00:00 EDT",
		"2021-01-15 10:00:00 EDT", "2021-07-15 10:00:00 PDT", "2021-07-15 10:00:00 -0400"} {
		layout := "2006-01-02 15:04:05 MST"
		if v[len(v)-5] == '-' {
			layout = "2006-01-02 15:04:05 -0700"
		}
		t, err := time.ParseInLocation(layout, v, ny)
		fmt.Println(v, "->", t, t.Location(), err)
	}

	for _, n := range []string{"", "UTC", "Local", "Nowhere/Special", "America", "../etc/passwd",
		"/etc/localtime", "Europe/London.", "asia/tokyo"} {
		loc, err := time.LoadLocation(n)
		if err != nil {
			fmt.Printf("LoadLocation(%q): error %v\n", n, err)
		} else if loc == time.Local {
			fmt.Printf("LoadLocation(%q): Local\n", n) // its name depends on the machine
		} else {
			fmt.Printf("LoadLocation(%q): %q utc=%v\n", n, loc.String(), loc == time.UTC)
		}
	}

	data, err := os.ReadFile("/usr/share/zoneinfo/Asia/Kolkata")
	if err != nil {
		fmt.Println(err)
		return
	}
	loc, err := time.LoadLocationFromTZData("Kolkata", data)
	fmt.Println(loc, err, time.Date(1941, 12, 1, 0, 0, 0, 0, time.UTC).In(loc))
	for _, n := range []int{0, 4, 20, 44, 60, len(data) / 2} {
		_, err := time.LoadLocationFromTZData("bad", data[:n])
		fmt.Println(n, err)
	}
}
