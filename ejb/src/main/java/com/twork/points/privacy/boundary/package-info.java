/** A customer's data rights (docs/privacy.md): export of everything about a member, erasure that keeps the books. */
package com.twork.points.privacy.boundary;
