// Entry of dist/widgets.js, loaded with a classic <script> tag on any storefront.
import { captureScriptDefaults } from './config';
import { defineSumeruWidgets } from './define';

captureScriptDefaults(document.currentScript);
defineSumeruWidgets();
