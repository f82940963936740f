from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'moved.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_moved = resolve('moved')
    pass
    yield '# iac app '
    yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'))
    yield ': addresses iac 1.0 spelled with their type repeated\n# (`aws_iam_role.x_role`). A state applied before moves to the new addresses instead of\n# replacing the resources (a replaced log group loses its history); these blocks can go\n# once every state of the app has been applied with them.\n'
    for (l_1_old, l_1_new) in (undefined(name='moved') if l_0_moved is missing else l_0_moved):
        _loop_vars = {}
        pass
        yield '\nmoved {\n  from = '
        yield str(l_1_old)
        yield '\n  to   = '
        yield str(l_1_new)
        yield '\n}\n'
    l_1_old = l_1_new = missing

blocks = {}
debug_info = '1=14&5=16&8=20&9=22'
