package io.trainscope.plugins.init;

import io.trainscope.api.init.Initializer;

import java.util.List;
import java.util.ServiceLoader;

/** The initializers this module registers, found the way the core finds them. */
final class Initializers {

    private Initializers() {
    }

    static List<Initializer> all() {
        return ServiceLoader.load(Initializer.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    static Initializer byName(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no initializer named " + name));
    }
}
