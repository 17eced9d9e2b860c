// run

// time.Format: every layout element, the layout constants, String, AppendFormat,
// Month and Weekday names, over fixed instants in UTC and fixed zones.

package main

import (
	"fmt"
	"time"
)

var elements = []string{
	"January", "Jan", "1", "01", "Monday", "Mon", "2", "_2", "02", "__2", "002",
	"15", "3", "03", "4", "04", "5", "05", "2006", "06", "PM", "pm", "MST",
	"Z0700", "Z070000", "Z07", "Z07:00", "Z07:00:00",
	"-0700", "-070000", "-07", "-07:00", "-07:00:00",
	".0", ".00", ".000", ".000000", ".000000000", ".9", ".99", ".999", ".999999", ".999999999",
	",000", ",999", "05.000", "05,999", "05.9",
	"Janu", "Mond", "20060", "1504", "2006-01-02T15:04:05Z07:00",
	"literal text", "", "Jan _2 2006 15:04:05.000000 MST", "__2/002 pm",
}

var layouts = []struct {
	name, layout string
}{
	{"Layout", time.Layout},
	{"ANSIC", time.ANSIC},
	{"UnixDate", time.UnixDate},
	{"RubyDate", time.RubyDate},
	{"RFC822", time.RFC822},
	{"RFC822Z", time.RFC822Z},
	{"RFC850", time.RFC850},
	{"RFC1123", time.RFC1123},
	{"RFC1123Z", time.RFC1123Z},
	{"RFC3339", time.RFC3339},
	{"RFC3339Nano", time.RFC3339Nano},
	{"Kitchen", time.Kitchen},
	{"Stamp", time.Stamp},
	{"StampMilli", time.StampMilli},
	{"StampMicro", time.StampMicro},
	{"StampNano", time.StampNano},
	// DateTime, DateOnly, TimeOnly arrived in Go 1.20; the reference is 1.19.
	{"DateTime", "2006-01-02 15:04:05"},
	{"DateOnly", "2006-01-02"},
	{"TimeOnly", "15:04:05"},
}

func main() {
	east := time.FixedZone("EST5", 5*3600+30*60)
	west := time.FixedZone("", -(7*3600 + 15*60 + 9))
	instants := []time.Time{
		time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC),
		time.Date(2023, time.January, 2, 3, 4, 5, 0, east),
		time.Date(1999, time.December, 31, 12, 0, 0, 5000, west),
		time.Date(2024, time.February, 29, 0, 30, 59, 120000000, time.FixedZone("XYZ", -3600)),
		time.Date(-44, time.March, 15, 11, 0, 0, 0, time.UTC),
		time.Date(12345, time.July, 4, 13, 0, 0, 999999999, time.UTC),
		time.Date(7, time.August, 9, 0, 0, 0, 0, time.FixedZone("Z", 0)),
		{},
		time.Unix(1e9, 0).UTC(),
		time.Unix(-1, 0).UTC(),
		time.UnixMilli(1700000000123).In(time.FixedZone("ABC", 9*3600)),
		time.UnixMicro(-1234567).UTC(),
	}
	for i, t := range instants {
		fmt.Printf("instant %d: %v\n", i, t)
		for _, e := range elements {
			fmt.Printf("  %q -> %q\n", e, t.Format(e))
		}
		for _, l := range layouts {
			fmt.Printf("  %s: %s\n", l.name, t.Format(l.layout))
		}
	}

	t := instants[0]
	b := []byte("at ")
	b = t.AppendFormat(b, time.Kitchen)
	fmt.Println(string(b))
	fmt.Println(t.String(), t.UTC().String())
	fmt.Printf("%v|%s|%d\n", t.Month(), t.Weekday(), t.Month())

	for m := time.Month(0); m <= 13; m++ {
		fmt.Print(m.String(), " ")
	}
	fmt.Println()
	for d := time.Weekday(-1); d <= 7; d++ {
		fmt.Print(d.String(), " ")
	}
	fmt.Println()

	// Hours 0..23 through 3, 03, 15, PM, pm.
	for h := 0; h < 24; h++ {
		fmt.Print(time.Date(2000, 1, 1, h, 7, 0, 0, time.UTC).Format("3|03|15|PM|pm"), " ")
	}
	fmt.Println()
	// Day of year padding.
	for _, yd := range []int{1, 9, 10, 99, 100, 366} {
		fmt.Print(time.Date(2000, 1, yd, 0, 0, 0, 0, time.UTC).Format("002 __2 Jan 2"), "; ")
	}
	fmt.Println()
}
