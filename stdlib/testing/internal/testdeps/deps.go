// Package testdeps is what the test main `gojit test` generates hands to
// testing.MainStart: the services package testing asks of the go command's test
// binary (pattern matching, profiles, fuzzing, coverage), for gojit.
//
// gojit's, not Go's: Go's version links the fuzzing engine (internal/fuzz) and
// runtime/pprof, which read gc's runtime. What gojit gives:
//   - MatchString: -test.run, -test.skip and -test.bench patterns, by regexp;
//   - ReadCorpus: a fuzz target's seed corpus files (testdata/fuzz/FuzzXxx/*),
//     in the "go test fuzz v1" encoding, for the types of basic kinds;
//   - CheckCorpus: f.Add's values against the fuzz function's parameters.
// Fuzzing itself (-test.fuzz), CPU and heap profiles and coverage are refused
// with an error saying gojit lacks them; a test log is not kept.
package testdeps

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ImportPath is the import path of the package being tested; the test main
// sets it.
var ImportPath string

// ModulePath is its module's path, when the test main knows it.
var ModulePath string

// TestDeps implements testing's testDeps interface.
type TestDeps struct{}

// corpusEntry has the fields of testing's corpusEntry (an alias of an
// unnamed struct type, so this type is identical to it).
type corpusEntry = struct {
	Parent     string
	Path       string
	Data       []byte
	Values     []any
	Generation int
	IsSeed     bool
}

var errUnsupported = errors.New("not supported by gojit")

var (
	patternMu   sync.Mutex
	lastPattern string
	lastRegexp  *regexp.Regexp
)

// MatchString reports whether str matches the regular expression pat.
func (TestDeps) MatchString(pat, str string) (bool, error) {
	patternMu.Lock()
	defer patternMu.Unlock()
	if lastRegexp == nil || pat != lastPattern {
		re, err := regexp.Compile(pat)
		if err != nil {
			return false, err
		}
		lastPattern, lastRegexp = pat, re
	}
	return lastRegexp.MatchString(str), nil
}

func (TestDeps) ImportPath() string { return ImportPath }
func (TestDeps) ModulePath() string { return ModulePath }

// SetPanicOnExit0 is for os.Exit(0) during a test, which the go command makes
// a failure; gojit's os has no hook for it, so it is not detected.
func (TestDeps) SetPanicOnExit0(bool) {}

func (TestDeps) StartCPUProfile(io.Writer) error {
	return fmt.Errorf("CPU profile: %w", errUnsupported)
}
func (TestDeps) StopCPUProfile() {}
func (TestDeps) WriteProfileTo(name string, w io.Writer, debug int) error {
	return fmt.Errorf("%s profile: %w", name, errUnsupported)
}
func (TestDeps) StartTestLog(io.Writer) {}
func (TestDeps) StopTestLog() error     { return nil }

func (TestDeps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []corpusEntry, []reflect.Type, string, string) error {
	return fmt.Errorf("fuzzing: %w", errUnsupported)
}

func (TestDeps) RunFuzzWorker(func(corpusEntry) error) error {
	return fmt.Errorf("fuzzing: %w", errUnsupported)
}

func (TestDeps) ResetCoverage()    {}
func (TestDeps) SnapshotCoverage() {}

// InitRuntimeCoverage: no coverage counters are compiled in.
func (TestDeps) InitRuntimeCoverage() (mode string, tearDown func(string, string) (string, error), snapcov func() float64) {
	return "", func(string, string) (string, error) { return "", nil }, func() float64 { return 0 }
}

// CheckCorpus reports whether vals, one f.Add call's arguments, fit types.
func (TestDeps) CheckCorpus(vals []any, types []reflect.Type) error {
	if len(vals) != len(types) {
		return fmt.Errorf("wrong number of values in corpus entry: %d, want %d", len(vals), len(types))
	}
	for i := range vals {
		if reflect.TypeOf(vals[i]) != types[i] {
			return fmt.Errorf("mismatched types in corpus entry: %v, want %v", vals, types)
		}
	}
	return nil
}

// ReadCorpus reads the seed corpus files of dir, each a header line and one
// value a line, as Go writes them: `[]byte("...")`, `int(-3)`, `'x'`-style
// runes in `rune(...)`, quoted strings, floats, bools. A missing dir is an
// empty corpus.
func (TestDeps) ReadCorpus(dir string, types []reflect.Type) ([]corpusEntry, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var corpus []corpusEntry
	for _, name := range names {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		vals, err := decodeCorpusFile(data)
		if err != nil {
			return nil, fmt.Errorf("failed to unmarshal %q: %v", path, err)
		}
		if err := (TestDeps{}).CheckCorpus(vals, types); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		corpus = append(corpus, corpusEntry{Path: path, Data: data, Values: vals, IsSeed: true})
	}
	return corpus, nil
}

const corpusHeader = "go test fuzz v1"

func decodeCorpusFile(data []byte) ([]any, error) {
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != corpusHeader {
		return nil, errors.New("must include version and be at least one line")
	}
	var vals []any
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := decodeCorpusValue(line)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, errors.New("must include version and be at least one line")
	}
	return vals, nil
}

// decodeCorpusValue decodes one `type(literal)` line.
func decodeCorpusValue(line string) (any, error) {
	open := strings.Index(line, "(")
	if open < 0 || !strings.HasSuffix(line, ")") {
		return nil, fmt.Errorf("malformed line %q", line)
	}
	typ, lit := line[:open], line[open+1:len(line)-1]
	switch typ {
	case "[]byte", "string":
		s, err := strconv.Unquote(lit)
		if err != nil {
			return nil, err
		}
		if typ == "string" {
			return s, nil
		}
		return []byte(s), nil
	case "bool":
		return strconv.ParseBool(lit)
	case "rune", "byte":
		var r int64
		if strings.HasPrefix(lit, "'") {
			s, err := strconv.Unquote(lit)
			if err != nil {
				return nil, err
			}
			r = int64([]rune(s)[0])
		} else {
			n, err := strconv.ParseInt(lit, 0, 32)
			if err != nil {
				return nil, err
			}
			r = n
		}
		if typ == "byte" {
			return byte(r), nil
		}
		return rune(r), nil
	case "float32", "float64":
		bits := 64
		if typ == "float32" {
			bits = 32
		}
		f, err := strconv.ParseFloat(lit, bits)
		if err != nil {
			return nil, err
		}
		if typ == "float32" {
			return float32(f), nil
		}
		return f, nil
	}
	if strings.HasPrefix(typ, "int") {
		n, err := strconv.ParseInt(lit, 0, intBits(typ[3:]))
		if err != nil {
			return nil, err
		}
		switch typ {
		case "int":
			return int(n), nil
		case "int8":
			return int8(n), nil
		case "int16":
			return int16(n), nil
		case "int32":
			return int32(n), nil
		case "int64":
			return n, nil
		}
	}
	if strings.HasPrefix(typ, "uint") {
		n, err := strconv.ParseUint(lit, 0, intBits(typ[4:]))
		if err != nil {
			return nil, err
		}
		switch typ {
		case "uint":
			return uint(n), nil
		case "uint8":
			return uint8(n), nil
		case "uint16":
			return uint16(n), nil
		case "uint32":
			return uint32(n), nil
		case "uint64":
			return n, nil
		}
	}
	return nil, fmt.Errorf("unsupported type %q", typ)
}

func intBits(suffix string) int {
	if suffix == "" {
		return 64
	}
	n, _ := strconv.Atoi(suffix)
	return n
}
