// run

// time.Duration: the unit constants, String, the float and integer unit accessors,
// Round, Truncate, Abs, and ParseDuration with gc's error texts.

package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	ds := []time.Duration{
		0, 1, -1, 999, 1000, 1001, 1500, time.Microsecond, 1234567, -1234567,
		time.Millisecond, time.Second, 1500 * time.Millisecond, time.Minute,
		90 * time.Second, time.Hour, 26*time.Hour + 3*time.Minute + 4*time.Second + 5,
		-time.Hour, 100 * time.Hour, math.MaxInt64, math.MinInt64, math.MinInt64 + 1,
		3*time.Second + 10*time.Nanosecond, 59*time.Minute + 59*time.Second + 999999999,
	}
	for _, d := range ds {
		fmt.Printf("%d %v %s|%.6f %.6f %.9f %d %d %d|abs %v\n", int64(d), d, d.String(),
			d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(),
			d.Nanoseconds(), d.Abs())
	}
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	fmt.Println(int64(time.Hour), time.Duration(1<<63-1).Hours())

	ms := []time.Duration{0, -5, 1, time.Nanosecond, time.Microsecond, time.Millisecond,
		time.Second, 2 * time.Second, time.Minute, 10 * time.Minute, time.Hour, 7 * time.Hour}
	for _, d := range []time.Duration{
		1*time.Hour + 15*time.Minute + 30*time.Second + 918273645,
		-(1*time.Hour + 15*time.Minute + 30*time.Second + 918273645),
		2500 * time.Millisecond, -2500 * time.Millisecond, 1500 * time.Microsecond,
		math.MaxInt64 - 1, math.MinInt64 + 1,
	} {
		fmt.Println("d =", d)
		for _, m := range ms {
			fmt.Printf("  m=%v round %v truncate %v\n", m, d.Round(m), d.Truncate(m))
		}
	}

	for _, s := range []string{
		"0", "5s", "30s", "1478s", "-5s", "+5s", "-0", "+0", "5.0s", "5.6s", "5.s", ".5s",
		"1.0s", "1.00s", "1.004s", "1.0040s", "100.00100s", "10ns", "11us", "12µs", "12μs",
		"13ms", "14s", "15m", "16h", "3h30m", "10.5s4m", "-2m3.4s", "1h2m3s4ms5us6ns",
		"39h9m14.425s", "52763797000ns", "0.3333333333333333333h", "9007199254740993ns",
		"9223372036854775807ns", "9223372036854775.807us", "9223372036854.775807ms",
		"-9223372036854775808ns", "-9223372036854775.808us", "0.100000000000000000000h",
		"0.830103483285477580700h",
		"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "1.5x", "1e3s", "3000000h",
		"9223372036854775808ns", "9223372036854775.808us", "9223372036854ms775us808ns",
		"-9223372036854775809ns", "1s ", " 1s", "1s1", "\x85\x85",
	} {
		d, err := time.ParseDuration(s)
		fmt.Printf("ParseDuration(%q) = %v %v\n", s, int64(d), err)
	}
}
