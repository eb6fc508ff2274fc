package org.liandong;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * How long each source file and each method in it is, read with javac's own parser (no
 * compilation): a method counts from its first line to its closing brace, lambdas inside it
 * included.
 */
record SourceSizes(int files, List<String> tooLong) {
  static final int MAX_CLASS_LINES = 250;
  static final int MAX_METHOD_LINES = 40;

  static SourceSizes of(Path root) {
    var paths = new ArrayList<Path>();
    try (var walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var compiler = ToolProvider.getSystemJavaCompiler();
    var files = compiler.getStandardFileManager(null, null, null);
    var task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(paths));
    var tooLong = new ArrayList<String>();
    try {
      for (var unit : task.parse()) tooLong.addAll(measure(unit, Trees.instance(task)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SourceSizes(paths.size(), tooLong);
  }

  private static List<String> measure(CompilationUnitTree unit, Trees trees) throws IOException {
    var found = new ArrayList<String>();
    var name = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
    long lines = unit.getSourceFile().getCharContent(true).toString().lines().count();
    if (lines > MAX_CLASS_LINES) found.add(name + ": " + lines + " lines");
    var positions = trees.getSourcePositions();
    var lineMap = unit.getLineMap();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void v) {
        if (method.getBody() != null) {
          long first = lineMap.getLineNumber(positions.getStartPosition(unit, method));
          long last = lineMap.getLineNumber(positions.getEndPosition(unit, method));
          if (last - first + 1 > MAX_METHOD_LINES) found.add(name + ": " + method.getName() + " is " + (last - first + 1) + " lines");
        }
        return super.visitMethod(method, v);
      }
    }.scan(unit, null);
    return found;
  }
}
