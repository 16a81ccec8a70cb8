/**
 * The tools beside the server: the legacy import, the dataset generator and the benchmarks. They use the server's
 * pieces ({@code server}); the server never uses them.
 */
package com.twork.points.launcher.tools;
