// Not a package of the module: testdata is left out of ./...
package broken

func F() { undefined() }
