// Callers, Caller, FuncForPC and CallersFrames over gojit's function table
// (runtime/traceback.cc). As in gc, a "pc" from Callers stands for one logical
// frame: calls the compiler inlined count as frames of their own. The pcs are
// gojit's encoding of a return address and an inline depth; pass them to
// CallersFrames or FuncForPC rather than doing arithmetic on them. Frames gc would
// not show (compiler-made wrappers) are left out, and a goroutine's outermost
// frames are gc's runtime.main (the main goroutine's) and runtime.goexit, at gc's
// lines; such a pc less one (the call, not the return) names the same frame.

package runtime

func callers(skip int, pc []uintptr) int

func funcInfo(pc uintptr) (name, file string, line int, entry uintptr, ok bool)

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack. The argument skip is the number
// of stack frames to skip before recording in pc, with 0 identifying the frame
// for Callers itself and 1 identifying the caller of Callers. It returns the
// number of entries written to pc.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, pc)
}

// Caller reports file and line number information about function invocations on
// the calling goroutine's stack. The argument skip is the number of stack frames
// to ascend, with 0 identifying the caller of Caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	rpc := []uintptr{0}
	if callers(skip+1, rpc) < 1 {
		return
	}
	_, file, line, _, ok = funcInfo(rpc[0])
	if !ok {
		return 0, "", 0, false
	}
	return rpc[0], file, line, true
}

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the given
// program counter address, or else nil. If pc represents multiple functions
// because of inlining, it returns the *Func describing the innermost function,
// but with an entry of the outermost function.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, ok := funcInfo(pc)
	if !ok {
		return nil
	}
	return &Func{name: name, entry: entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = funcInfo(pc)
	return
}

// Frames may be used to get function/file/line information for a slice of PC
// values returned by Callers.
type Frames struct {
	callers []uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame.
	PC uintptr
	// Func is the Func value of this call frame.
	Func *Func
	// Function is the package path-qualified function name of this call frame.
	Function string
	// File and Line are the file name and line number of the location in this
	// frame.
	File string
	Line int
	// Entry point program counter for the function.
	Entry uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return
// function/file/line information. Do not change the slice until you are done with
// the Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC
// values, and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		name, file, line, entry, ok := funcInfo(pc)
		if !ok {
			continue
		}
		frame = Frame{PC: pc, Func: &Func{name: name, entry: entry}, Function: name, File: file, Line: line, Entry: entry}
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}
