// Left out of ./...: the name starts with _.
package hidden

func F() { undefined() }
