/** How a member's data is exported and erased: the statements behind each section and each erasure step. */
package com.twork.points.privacy.control;
