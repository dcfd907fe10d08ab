package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * The LDAP plugin is 7.23.0 (the newest the registry serves) on the 7.24 engine: every engine class, method and
 * field its bytecode refers to must exist on the engine on the classpath, and every abstract method of the engine
 * types it extends must be implemented, or a login path not exercised by DirectoryAccountsTest could fail at run
 * time with a linkage error.
 */
class DirectoryPluginLinkageTest {

  private static final String ENGINE = "org/camunda/bpm/engine/";

  @Test
  void everyEngineReferenceOfThePluginResolvesOnThisEngine() throws Exception {
    assertThat(ProcessEngine.class.getPackage().getImplementationVersion()).startsWith("7.24");
    List<String> missing = new ArrayList<>();
    TreeSet<String> checked = new TreeSet<>();
    List<String> pluginClasses = new ArrayList<>();
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        try (InputStream in = jar.getInputStream(entry)) {
          pluginClasses.add(entry.getName().replace(".class", "").replace('/', '.'));
          new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
              return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                  if (owner.startsWith(ENGINE) && checked.add(owner + "." + method + desc) && !resolves(owner, method, desc)) {
                    missing.add(owner + "." + method + desc);
                  }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                  if (owner.startsWith(ENGINE) && checked.add(owner + "." + field) && !fieldResolves(owner, field)) {
                    missing.add(owner + "." + field);
                  }
                }
              };
            }
          }, ClassReader.SKIP_FRAMES);
        }
      }
    }
    for (String name : pluginClasses) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
          for (Method method : k.getDeclaredMethods()) {
            if (Modifier.isAbstract(method.getModifiers()) && !implemented(type, method)) {
              missing.add(name + " does not implement " + method);
            }
          }
        }
        for (Method method : type.getMethods()) {
          if (Modifier.isAbstract(method.getModifiers())) {
            missing.add(name + " does not implement " + method);
          }
        }
      }
    }
    assertThat(checked).as("engine references found in the plugin").hasSizeGreaterThan(20);
    assertThat(missing).as("plugin references missing from the engine").isEmpty();
  }

  private static Path pluginJar() throws URISyntaxException {
    return Path.of(LdapIdentityProviderPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private boolean resolves(String owner, String name, String descriptor) {
    try {
      Deque<Class<?>> types = new ArrayDeque<>(List.of(load(owner)));
      while (!types.isEmpty()) {
        Class<?> type = types.pop();
        List<Executable> candidates = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        if (name.equals("<init>")) {
          candidates = Arrays.asList(type.getDeclaredConstructors());
        }
        for (Executable candidate : candidates) {
          Class<?> returns = candidate instanceof Method method ? method.getReturnType() : void.class;
          if ((name.equals("<init>") || candidate.getName().equals(name))
              && MethodType.methodType(returns, candidate.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
            return true;
          }
        }
        if (name.equals("<init>")) {
          return false;
        }
        if (type.getSuperclass() != null) {
          types.add(type.getSuperclass());
        }
        types.addAll(Arrays.asList(type.getInterfaces()));
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private boolean fieldResolves(String owner, String name) {
    try {
      for (Class<?> type = load(owner); type != null; type = type.getSuperclass()) {
        if (Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals(name))) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean implemented(Class<?> type, Method abstractMethod) {
    for (Class<?> k = type; k != null; k = k.getSuperclass()) {
      try {
        if (!Modifier.isAbstract(k.getDeclaredMethod(abstractMethod.getName(), abstractMethod.getParameterTypes())
            .getModifiers())) {
          return true;
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    return false;
  }

  private Class<?> load(String internalName) throws ClassNotFoundException {
    return Class.forName(internalName.replace('/', '.'), false, getClass().getClassLoader());
  }
}
