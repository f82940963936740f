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
    yield ': addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A\n# state applied before moves to the new addresses instead of replacing the resources (a\n# replaced log group loses its history). Once every state of the app has been applied\n# with these blocks, set `"terraform_addresses": 2` in the program\'s lock (`iac.lock`,\n# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as\n# it does for a program compiled first by this version.\n'
    for (l_1_old, l_1_new) in (undefined(name='moved') if l_0_moved is missing else l_0_moved):
        _loop_vars = {}
        pass
        yield '\nmoved {\n  from\x00= '
        yield str(l_1_old)
        yield '\n  to\x00= '
        yield str(l_1_new)
        yield '\n}\n'
    l_1_old = l_1_new = missing

blocks = {}
debug_info = '1=14&7=16&10=20&11=22'
