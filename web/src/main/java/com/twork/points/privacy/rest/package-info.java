/** The data-rights routes: a member's export and erasure (docs/privacy.md). */
package com.twork.points.privacy.rest;
